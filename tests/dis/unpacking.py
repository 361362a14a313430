def swap(a, b):
    a, b = b, a
    return a, b

def rotate(a, b, c):
    a, b, c = b, c, a
    return a, b, c

def nested(pair):
    (x, y), z = pair
    first, *rest = z
    *init, last = rest
    return x, y, first, init, last

p, q = 1, 2
(m, n), o = (3, 4), 5
for i, (k, v) in enumerate([("a", 1)]):
    print(i, k, v)
print(swap(p, q), nested(((1, 2), [3, 4, 5])))
