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
print([sys.getsizeof([i for i in range(n)]) for n in range(0, 40, 3)])
x=[1,2]
x += [3]*9
print(sys.getsizeof(x))
y=[]
y+=(1,2,3)
print(sys.getsizeof(y))
z=[]
z.insert(0,1); z.insert(0,2)
print(sys.getsizeof(z))
