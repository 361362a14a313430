# sys.getsizeof follows CPython's list over-allocation: appends, extends and literals.
import sys
l = []
sizes = []
for i in range(200):
    sizes.append(sys.getsizeof(l))
    l.append(i)
print(sizes)
print([sys.getsizeof(x) for x in ([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9], list(range(10)), [*range(7)], [0] * 10)])
m = [1, 2]
m.extend(range(20)); print(sys.getsizeof(m))
m.extend([1] * 3); print(sys.getsizeof(m))
