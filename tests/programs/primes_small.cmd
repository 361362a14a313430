programs/primes.py 3000
