# Subclasses of builtins calling the builtin's dunders (super().__new__, str.__len__(self), ...).
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '-> EXC', type(e).__name__, e)
class U(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
    def __repr__(self):
        return 'U(' + super().__repr__() + ')'
    def __len__(self):
        return str.__len__(self) * 2
    def __getitem__(self, i):
        return super().__getitem__(i) + '!'
    def __contains__(self, x):
        return super().__contains__(x.upper())
    def __add__(self, o):
        return U(str.__add__(self, o))
u = U('abc')
show("u", lambda: (u, len(u), u[0], 'b' in u, u + 'd', str(u), u.lower(), u == 'ABC', u < 'B'))
class MyList(list):
    def __init__(self, it=()):
        super().__init__(x * 2 for x in it)
    def append(self, x):
        super().append(-x)
    def __iter__(self):
        return iter(list.__iter__(self))
    def __eq__(self, o):
        return list.__eq__(self, o)
    def __setitem__(self, i, v):
        list.__setitem__(self, i, v + 100)
m = MyList([1, 2])
m.append(3)
m[0] = 5
show("mylist", lambda: (m, list(m), m == [105, 4, -3], len(m), m[1:], sorted(m)))
class N(int):
    def __new__(cls, v):
        return super().__new__(cls, v)
    def __lt__(self, o):
        return int.__gt__(self, o)
    def __neg__(self):
        return N(int.__neg__(self) * 10)
    def __abs__(self):
        return 'abs'
    def __bool__(self):
        return True
n = N(5)
show("N", lambda: (n < 3, sorted([N(1), N(3), N(2)]), -n, abs(n), bool(N(0)), n + 1, int.__add__(n, 1), n.__class__.__name__))
class FF(float):
    def __round__(self, nd=None):
        return 'r'
    def __floor__(self):
        return super().__floor__() + 1000
import math
show("FF", lambda: (round(FF(2.5)), math.floor(FF(2.5)), FF(2.5).__ceil__(), float.__round__(FF(2.567), 1)))
show("desc err", lambda: int.__add__('a', 1))
show("desc err2", lambda: str.__len__(5))
show("hash dunder none", lambda: list.__hash__)
show("dict eq", lambda: dict.__eq__({1: 2}, {1: 2}))
show("set le", lambda: {1}.__le__({1, 2}))
show("tuple add", lambda: (1,).__add__((2,)))
show("tuple add list", lambda: (1,).__add__([2]))
show("list iadd", lambda: [1].__iadd__((2, 3)))
show("bool and", lambda: (True).__and__(False))
show("str mul", lambda: 'ab'.__mul__(2))
show("bytes add", lambda: b'a'.__add__(b'b'))
show("float floordiv", lambda: (7.5).__floordiv__(2))
show("float mod", lambda: (7.5).__mod__(2))
show("complex add", lambda: (1j).__add__(1))
show("int truediv", lambda: (7).__truediv__(2))
show("neg zero", lambda: (0.0).__neg__())
