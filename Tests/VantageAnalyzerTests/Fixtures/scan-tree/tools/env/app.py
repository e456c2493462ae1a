print("venv")
