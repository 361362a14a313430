# range: all argument forms, negative steps, len, indexing, containment, slicing, repr, errors.

print(list(range(5)))
print(list(range(2, 8)))
print(list(range(2, 20, 3)))
print(list(range(10, 0, -1)))
print(list(range(10, 0, -3)))
print(list(range(0, -10, -4)))
print(list(range(-5, 5, 2)))
print(list(range(0)), list(range(-3)), list(range(5, 1)), list(range(1, 5, -1)))

r = range(1, 20, 3)
print(r, repr(r), str(r))
print(range(5), range(0, 5), range(0, 5, 1), range(-2, -10, -2))
print(len(r), len(range(0)), len(range(10, 0, -3)), len(range(-100, 100)))
print(r[0], r[1], r[-1], r[-2], r[len(r) - 1])
print(r.start, r.stop, r.step)
print(range(7).start, range(7).stop, range(7).step)

# containment
print(4 in r, 5 in r, 19 in r, 22 in r, -2 in r)
print(0 in range(0), 3 in range(10, 0, -1), 10 in range(10, 0, -1), 0 in range(10, 0, -1))
print(4.0 in r, "4" in r)

# index and count
print(r.index(7), r.count(7), r.count(8))
try:
    r.index(8)
except ValueError as e:
    print(type(e).__name__, e)

# slicing returns a range
print(r[1:4], r[::-1], r[::2], r[-2:], r[10:])
print(list(r[::-1]))
print(range(10)[2:8:3], list(range(10)[2:8:3]))
print(range(10)[::-1], range(0, 10, 2)[::-1])

# index errors
try:
    print(r[100])
except IndexError as e:
    print(type(e).__name__, e)
try:
    print(range(0)[0])
except IndexError as e:
    print(type(e).__name__, e)

# zero step
try:
    range(1, 10, 0)
except ValueError as e:
    print(type(e).__name__, e)

# non-integer arguments
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    range("3")
except TypeError as e:
    print(type(e).__name__, e)
try:
    range()
except TypeError as e:
    print(type(e).__name__, e)

# big ranges work without materializing
big = range(0, 10**30, 7)
print(big, big[10**20], 10**20 * 7 in big, 10**20 * 7 + 1 in big, big[-1])
try:
    len(range(10**20))
except OverflowError as e:
    print(type(e).__name__, e)
print(range(10**20)[-1])

# equality compares the sequences
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(0, 4, 2) == range(0, 3, 2))
print(range(3) == [0, 1, 2], list(range(3)) == [0, 1, 2])

# bool, sum, min, max, reversed of ranges
print(bool(range(0)), bool(range(1)))
print(sum(range(101)), min(range(5, 10)), max(range(5, 10)))
print(list(reversed(range(1, 6))), list(reversed(range(0, 20, 6))))
print(tuple(range(3)), type(range(3)).__name__)
