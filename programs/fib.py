"""Recursive Fibonacci: the call-heavy benchmark.

Usage: fib.py [N]
"""
import sys
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(n):
    start = time.perf_counter()
    result = fib(n)
    elapsed = time.perf_counter() - start
    print(f"fib({n}) = {result}")
    print("fib took", elapsed, "seconds")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 34)
