"""Prime checking: trial division against a sieve of Eratosthenes.

Usage: primes.py [LIMIT]
"""
import math
import sys
import time


def check_prime(number):
    """Trial division by odd numbers up to the square root."""
    if number < 2:
        return False
    if number % 2 == 0:
        return number == 2
    sqrt_number = math.sqrt(number)
    for i in range(3, int(sqrt_number) + 1, 2):
        if number % i == 0:
            return False
    return True


def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if is_prime[i]:
            for multiple in range(i * i, limit + 1, i):
                is_prime[multiple] = False
    return [i for i, p in enumerate(is_prime) if p]


def main(limit):
    start = time.perf_counter()
    by_division = [n for n in range(limit) if check_prime(n)]
    middle = time.perf_counter()
    by_sieve = sieve(limit - 1)
    end = time.perf_counter()
    print("primes below", limit, ":", len(by_division))
    print("largest:", by_division[-1], "first ten:", by_division[:10])
    print("sieve agrees:", by_sieve == by_division)
    print("check_prime(10**9 + 7):", check_prime(10**9 + 7), "check_prime(2**31 - 1):", check_prime(2**31 - 1))
    print("trial division took", middle - start, "seconds")
    print("sieve took", end - middle, "seconds")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400000)
