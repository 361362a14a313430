programs/fib.py 15
