programs/nbody.py 1000
