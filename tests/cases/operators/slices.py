# Slicing: defaults, negative indices, steps, out-of-range bounds, slice objects.

s = "0123456789"
l = list(range(10))
t = tuple(range(10))
for (a, b, c) in [(None, None, None), (2, None, None), (None, 5, None), (2, 8, None), (-3, None, None),
                  (None, -3, None), (-5, -2, None), (None, None, 2), (1, None, 3), (None, None, -1),
                  (8, 2, -1), (8, 2, -2), (-1, -11, -1), (2, 8, -1), (20, None, None), (None, 20, None),
                  (-20, 3, None), (5, 5, None), (7, 3, None), (None, None, 100), (None, None, -100),
                  (-100, 100, 3), (100, -100, -3)]:
    print((a, b, c), s[a:b:c], l[a:b:c], t[a:b:c] == tuple(l[a:b:c]))

print(s[::-1], s[1::2], s[-2::-2], s[:0], s[10:], s[3:3])
print("é日本🐍x"[1:4], "é日本🐍x"[::-1], "🐍"[0:1])
r = range(0, 30, 3)
print(r[2:5], r[::-1], r[::2], r[-3:], r[5:1:-2], list(r[1:8:3]))
print(range(10 ** 20)[10 ** 19:10 ** 19 + 3], range(10 ** 20)[::7][-1])

sl = slice(1, 8, 2)
print(s[sl], l[sl], sl, sl.start, sl.stop, sl.step, slice(5), slice(None, None, -1))
print(l[slice(-3, None)], s[slice(None, None, 3)])

try:
    print(s[::0])
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(l["a":])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(l[1.5:2])
except TypeError as e:
    print(type(e).__name__, e)
print(l[True:], l[:False], l[10 ** 20:], l[-10 ** 20:2])

# slice assignment
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100, 101]
print(a)
a[1:3] = []
print(a)
a[:] = "abc"
print(a)
a[1:1] = range(3)
print(a)
b = list(range(10))
b[::2] = "ABCDE"
print(b)
b[::-3] = [None] * 4
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    b[1:3] = 5
except TypeError as e:
    print(type(e).__name__, e)
c = [1, 2, 3]
c[5:10] = [9]
print(c)
c[-100:1] = [0]
print(c)

# del with slices
d = list(range(12))
del d[::3]
print(d)
del d[-2:]
print(d)
del d[1:4]
print(d)
del d[::-2]
print(d)
del d[:]
print(d)
try:
    t2 = (1, 2, 3)
    del t2[0:1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc"[0:1] = "z"
except TypeError as e:
    print(type(e).__name__, e)

# copies vs views
orig = [[1], [2]]
cp = orig[:]
cp[0] = "replaced"
cp[1].append(3)
print(orig, cp, orig[:] == orig, orig[:] is orig)
