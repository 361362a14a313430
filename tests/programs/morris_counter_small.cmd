programs/morris_counter.py 2000 5
