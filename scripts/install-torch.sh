#!/bin/sh
# install-torch.sh PYTHON PACKAGE VERSION INDEX — install torch's CPU build (`make install` runs it).
#
# 1. PACKAGE==VERSION+cpu with INDEX (PyTorch's CPU wheel index) as pip's index: one try, no retries,
#    a 5 s timeout, its output kept out of sight. Only a CPU wheel (local version "+cpu") can satisfy it,
#    from that index or from links pip is configured with.
# 2. When that fails (the index cannot be reached, as on a network that only reaches a package mirror,
#    or it has no such wheel), PACKAGE==VERSION from the index pip is configured with, with one line
#    saying so. On a stock Linux machine that index is PyPI, whose Linux torch is the CUDA build: a
#    warning says so when CUDA libraries (nvidia-* packages) came along.
set -u
py=$1 package=$2 version=$3 index=$4
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if "$py" -m pip install --quiet --retries 0 --timeout 5 --index-url "$index" "$package==$version+cpu" >"$log" 2>&1; then
	:
else
	reason=$(grep -E '^(ERROR|error):' "$log" | tail -n 1)
	echo "$package: no $version+cpu wheel from $index (${reason:-pip failed}); installing $package==$version from the configured index" >&2
	"$py" -m pip install --quiet "$package==$version" || exit 1
fi
installed=$("$py" -m pip show "$package" 2>/dev/null | sed -n 's/^Version: //p')
echo "$package $installed installed"
if "$py" -m pip list 2>/dev/null | grep -qi '^nvidia-'; then
	echo "warning: $package $installed came with CUDA libraries (several GB); for the CPU build:" \
		"$py -m pip install '$package==$version+cpu' --index-url $index" >&2
fi
