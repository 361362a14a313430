# Formatting, slicing, unpacking, keyword-only arguments, properties, __slots__, with, for/else.
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '-> EXC', type(e).__name__, e)
show("pct", lambda: "%5.2f %-4d %s %r %x %o %e %g %%" % (3.14159, 42, 'hi', 'hi', 255, 8, 12345.678, 0.0001))
show("pct dict", lambda: "%(name)s is %(age)d" % {'name': 'Bob', 'age': 3})
show("pct few", lambda: "%s %s" % (1,))
show("pct many", lambda: "%s" % (1, 2))
show("pct star", lambda: "%*d|%-*.*f" % (5, 3, 8, 2, 1.5))
show("pct X", lambda: "%#x %#o %X %+d % d %05d %c %c" % (255, 8, 255, 5, 5, -42, 65, 'z'))
show("pct bad", lambda: "%d" % 'a')
show("pct unk", lambda: "%y" % 1)
show("fmt", lambda: "{0[1]} {0.real} {1!r} {k:>{w}}".format([1, 2], 3, k='x', w=4))
show("fmt2", lambda: "{:{width}.{prec}f}".format(3.14159, width=10, prec=2))
show("fmt3", lambda: "{} {}".format(1))
show("fmt4", lambda: "{0} {}".format(1, 2))
show("fmt5", lambda: "{:,} {:_} {:0.2f} {: <8}| {:^10}| {:.5e} {:08b} {:#x} {:%} {:.3g}".format(1234567, 1234567, 3.14159, 'ab', 'mid', 12345.6789, 5, 255, 0.25, 0.000123456))
x = 12.5
show("fstr", lambda: f"{x=} {x!r:>8} {x:+.1f} {x:e} {int(x):,d} {'s'!a}")
class C:
    def __format__(self, spec):
        return 'C[' + spec + ']'
show("userfmt", lambda: f"{C():abc} {format(C(), 'q')}")
show("fmt bad2", lambda: format('a', 'd'))
show("fmt obj", lambda: format(object(), 'x'))
s = 'abcdefgh'
show("slice", lambda: (s[::2], s[::-1], s[1:6:2], s[-2:1:-2], [1,2,3,4,5][::-2], (1,2,3)[::-1], list(range(10)[2:8:3]), range(10)[::-2]))
def sa():
    l = list(range(6)); l[::2] = [9, 9, 9]; m = list(range(6)); del m[::2]; n = list(range(5)); n[1:3] = 'abc'
    return l, m, n
show("sliceassign", sa)
def sa2():
    l = list(range(6)); l[::2] = [1, 2]
show("sliceassign err", sa2)
def sa3():
    l = list(range(6)); l[1:2] = 5
show("sliceassign err2", sa3)
def unp():
    a, *b, c = range(5); d = [*b, *'xy']; e = {**{'a': 1}, **{'b': 2}}
    def f(*a, **k): return a, k
    return a, b, c, d, e, f(*b, **e), f(*b, 0, *b, x=1, **e)
show("unpack", unp)
def unp2():
    a, b = 1, 2, 3
show("unpack err", unp2)
def unp3():
    a, *b, c = [1]
show("unpack err2", unp3)
def unp4():
    a, b, c = [1, 2]
show("unpack err3", unp4)
def chain():
    a = b = c = []
    a.append(1)
    x, y = z = 1, 2
    return a, b, c, x, y, z
show("chain", chain)
def kw(a, *, b, c=3): return a, b, c
show("kw", lambda: kw(1, b=2))
show("kw err", lambda: kw(1, 2))
show("kw err2", lambda: kw(1))
show("kw err3", lambda: kw(1, b=2, d=4))
show("kw err4", lambda: kw(1, b=2, a=1))
def kwo(*, a, b): pass
show("kw err5", lambda: kwo())
show("isinst", lambda: (isinstance(1, (str, int)), isinstance(1, (str, (float, int))), issubclass(bool, (str, int))))
show("issub err", lambda: issubclass(1, int))
show("issub err2", lambda: issubclass(int, 1))
show("isinst err", lambda: isinstance(1, 1))
show("type3", lambda: (lambda T: (T.__name__, T().x, T.__bases__))(type('T', (object,), {'x': 5})))
class E(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return f'E{self.code}: {self.args[1]}'
try:
    raise E(3, 'bad')
except E as e:
    print(type(e).__name__, e, e.args, repr(e))
class P:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
p = P()
show("slots", lambda: (p.a, hasattr(p, 'b'), P.__slots__))
def sl2(): p.c = 3
show("slots err", sl2)
class G:
    x = 1
    def __getattr__(self, n): return n * 2
    def __setattr__(self, n, v): object.__setattr__(self, n, v * 10)
g = G(); g.y = 2
show("getattr", lambda: (g.x, g.y, g.zz, g.__class__.__name__, G.x))
class Pr:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val
    @v.deleter
    def v(self): print('deleting'); del self._v
pr = Pr(); pr.v = 5
show("prop", lambda: pr.v)
del pr.v
show("prop after del", lambda: pr.v)
show("dir", lambda: 'profile' not in dir())
show("globals", lambda: 'show' in globals())
def loc():
    a = 1; b = 2
    return sorted(locals().items())
show("locals", loc)
for i in range(3):
    if i == 5: break
else:
    print("for else")
n = 0
while n < 2:
    n += 1
else:
    print("while else", n)
class CM:
    def __init__(self, name, suppress=False): self.name = name; self.suppress = suppress
    def __enter__(self): print('enter', self.name); return self
    def __exit__(self, t, v, tb): print('exit', self.name, t.__name__ if t else None, v); return self.suppress
with CM('a') as a, CM('b', True) as b:
    raise ValueError('x')
print('after with')
with CM('outer', True):
    with CM('inner'):
        raise KeyError('k')
print('after nested')
