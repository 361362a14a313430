programs/julia.py 100 30
