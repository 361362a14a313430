programs/fibonacci_gen.py 400
