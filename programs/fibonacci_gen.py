"""Fibonacci numbers as a list versus a generator (chapter 5), with big integers.

Usage: fibonacci_gen.py [N]
"""
import sys
import time


def fibonacci_list(num_items):
    numbers = []
    a, b = 0, 1
    while len(numbers) < num_items:
        numbers.append(a)
        a, b = b, a + b
    return numbers


def fibonacci_gen(num_items):
    a, b = 0, 1
    while num_items:
        yield a
        a, b = b, a + b
        num_items -= 1


def fibonacci_naive():
    i, j = 0, 1
    while True:
        yield j
        i, j = j, i + j


def count_odd_under(limit):
    count = 0
    for f in fibonacci_naive():
        if f > limit:
            break
        if f % 2:
            count += 1
    return count


def main(n):
    t0 = time.perf_counter()
    as_list = fibonacci_list(n)
    t1 = time.perf_counter()
    total = 0
    for x in fibonacci_gen(n):
        total += x % 1000003
    t2 = time.perf_counter()
    last = as_list[-1]
    print("items:", len(as_list), "first twelve:", as_list[:12])
    print("the 300th:", as_list[300])
    print("last mod 10**9+7:", last % (10**9 + 7))
    print("sum of residues (generator):", total)
    print("list and generator agree:", sum(x % 1000003 for x in as_list) == total)
    print("odd Fibonacci numbers below 10**500:", count_odd_under(10**500))
    print("bit length of the last:", last.bit_length())
    print("list took", t1 - t0, "seconds")
    print("generator took", t2 - t1, "seconds")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60000)
