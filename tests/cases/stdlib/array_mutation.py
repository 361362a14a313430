from array import array as A
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = A('i', [1, 2, 3])
attempt(lambda: a * 2)
attempt(lambda: 2 * a)
attempt(lambda: 2 in a)
def d():
    del a[0]
    return a
attempt(d)
def ins():
    a.insert(0, 9); a.insert(-1, 8); a.insert(100, 7)
    return a
attempt(ins)
def iadd():
    global a
    a += A('i', [5])
    return a
attempt(iadd)
def delsl():
    del a[1:3]
    return a
attempt(delsl)
attempt(lambda: a.remove(5) or a)
attempt(lambda: a.remove(55))
attempt(lambda: list(reversed(a)))
attempt(lambda: bool(A('i')))
attempt(lambda: A('i', [1]) * -1)
attempt(lambda: A('d', [1.5]).tolist())
attempt(lambda: A('i', A('d', [1.0])))
attempt(lambda: A('d', A('i', [1])))
b = A('h', [1])
c = b
b += A('h', [2])
print(b, c, b is c)
def bad():
    global b
    b += [1]
attempt(bad)
