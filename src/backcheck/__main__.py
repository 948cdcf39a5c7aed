from .launch import main

if __name__ == "__main__":  # worker processes may import the main module: never rerun the CLI there
    main()
