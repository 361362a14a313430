programs/norm_squared.py 2000 2
