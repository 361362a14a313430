# bisect: searches and insertions, with lo/hi bounds and key functions.
import bisect
from bisect import bisect_left, bisect_right, insort_left, insort_right, insort

data = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print(x, bisect_left(data, x), bisect_right(data, x), bisect.bisect(data, x))
print(bisect_left(data, 2, 2), bisect_right(data, 2, 0, 3), bisect_left(data, 5, hi=3))
a = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort(a, x)
print(a)
insort_left(a, 4)
insort_right(a, 4, 0, 3)
print(a)
records = [('a', 1), ('b', 3), ('c', 5)]
print(bisect_left(records, 3, key=lambda r: r[1]), bisect_right(records, 3, key=lambda r: r[1]))
insort(records, ('d', 4), key=lambda r: r[1])
insort_left(records, ('e', 3), key=lambda r: r[1])
print(records)
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect_left(data, 1, -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    bisect_left([1, 'a'], 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    bisect_right(None, 2)
except TypeError as e:
    print(type(e).__name__, e)
