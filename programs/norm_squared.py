"""Norm squared of a vector (chapter 6): a loop, a generator expression, and the array module.

Usage: norm_squared.py [N] [REPEATS]
"""
import sys
import time
from array import array


def norm_square_list(vector):
    norm = 0
    for v in vector:
        norm += v * v
    return norm


def norm_square_list_comprehension(vector):
    return sum([v * v for v in vector])


def norm_square_generator(vector):
    return sum(v * v for v in vector)


def norm_square_array(vector):
    norm = 0
    for v in vector:
        norm += v * v
    return norm


def main(n, repeats):
    as_list = list(range(n))
    as_array = array("l", range(n))
    as_doubles = array("d", (i * 0.5 for i in range(n)))
    results = {}
    timings = {}
    for name, fn, data in [
        ("loop over list", norm_square_list, as_list),
        ("list comprehension", norm_square_list_comprehension, as_list),
        ("generator expression", norm_square_generator, as_list),
        ("loop over array('l')", norm_square_array, as_array),
        ("loop over array('d')", norm_square_array, as_doubles),
    ]:
        start = time.perf_counter()
        for _ in range(repeats):
            results[name] = fn(data)
        timings[name] = time.perf_counter() - start
    for name, value in results.items():
        print(f"{name}: {value}")
    print("array itemsize:", as_array.itemsize, as_doubles.itemsize, "typecodes:", as_array.typecode, as_doubles.typecode)
    for name, t in timings.items():
        print(name, "took", t, "seconds")


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    main(n, repeats)
