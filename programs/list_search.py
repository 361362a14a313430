"""Searching a sorted list (chapter 3): linear search, hand-written binary search and bisect,
each timed with timeit.

Usage: list_search.py [N] [NUMBER]
"""
import bisect
import sys
import timeit


def linear_search(needle, haystack):
    for i, item in enumerate(haystack):
        if item == needle:
            return i
    return -1


def binary_search(needle, haystack):
    imin, imax = 0, len(haystack)
    while True:
        if imin > imax:
            return -1
        midpoint = (imin + imax) // 2
        if midpoint >= len(haystack):
            return -1
        if haystack[midpoint] > needle:
            imax = midpoint - 1
        elif haystack[midpoint] < needle:
            imin = midpoint + 1
        else:
            return midpoint


def bisect_search(needle, haystack):
    i = bisect.bisect_left(haystack, needle)
    if i != len(haystack) and haystack[i] == needle:
        return i
    return -1


def find_closest(haystack, needle):
    i = bisect.bisect_left(haystack, needle)
    if i == len(haystack):
        return i - 1
    elif haystack[i] == needle:
        return i
    elif i > 0:
        j = i - 1
        if haystack[i] - needle > needle - haystack[j]:
            return j
    return i


def main(n, number):
    haystack = list(range(0, 2 * n, 2))
    needles = [0, 2 * n - 2, n, n + 1, 3 * n, -5]
    for needle in needles:
        found = (linear_search(needle, haystack), binary_search(needle, haystack), bisect_search(needle, haystack))
        print(f"needle {needle}: {found}")
    print("closest to 1001:", find_closest(haystack, 1001), "closest to -3:", find_closest(haystack, -3))
    important = []
    for value in [5, 1, 9, 3, 3, 7]:
        bisect.insort(important, value)
    print("insort:", important)
    setup = "from __main__ import linear_search, binary_search, bisect_search, haystack_for_timing as haystack"
    globals()["haystack_for_timing"] = haystack
    for name in ["linear_search", "binary_search", "bisect_search"]:
        t = min(timeit.repeat(f"{name}({n}, haystack)", setup=setup, repeat=3, number=number))
        print(name, "took", t / number, "seconds")


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    number = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    main(n, number)
