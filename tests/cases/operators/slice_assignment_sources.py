# Slice assignment from temporaries, from shared lists and from the list itself: the source must
# never be emptied or changed when anyone else can still see it.
a = list(range(8))
b = [10, 20, 30]
a[:2] = b
print(a, b)
a[2:4] = a[5:7]
print(a)
a[:] = a
print(a)
a[1:3] = a
print(a, len(a))
c = [1, 2, 3]
alias = c
a[::2] = [alias.pop() for _ in range(0)] + list(range(100, 100 + len(a[::2])))
print(a, c, alias)
d = list(range(6))
d[:3] = d[2::-1]
print(d)
e = [[1], [2]]
f = e[:]
f[0].append(99)
print(e, f, e is f, e == f)
g = list(range(10))
print(g[2:8:3], g[::-3], g[-100:100], g[5:2], g[8:2:-2], g[:-1:4])
h = list("abcdef")
h[1:5] = (x.upper() for x in h[1:5])
print(h)
for bad in [lambda: g.__setitem__(slice(0, 10, 2), [1, 2]), lambda: g.__setitem__(slice(None, None, 0), [])]:
    try:
        bad()
    except ValueError as err:
        print("ValueError:", err)
