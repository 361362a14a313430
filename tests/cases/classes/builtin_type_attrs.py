# int.to_bytes / int.from_bytes, __slots__, dir() of builtin types.

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '-> EXC', type(e).__name__, e)

show("to_bytes", lambda: (5).to_bytes(2, 'big'))
show("to_bytes little", lambda: (1024).to_bytes(4, byteorder='little'))
show("to_bytes default", lambda: (7).to_bytes())
show("to_bytes zero", lambda: (0).to_bytes(0, 'big'))
show("to_bytes signed", lambda: (-1).to_bytes(2, 'big', signed=True))
show("to_bytes signed2", lambda: (-129).to_bytes(2, 'little', signed=True))
show("to_bytes big", lambda: (2**70).to_bytes(10, 'big'))
show("to_bytes overflow", lambda: (256).to_bytes(1, 'big'))
show("to_bytes neg", lambda: (-1).to_bytes(1, 'big'))
show("to_bytes order", lambda: (1).to_bytes(1, 'middle'))
show("from_bytes", lambda: int.from_bytes(b'\x01\x00', 'big'))
show("from_bytes little", lambda: int.from_bytes(b'\x01\x00', 'little'))
show("from_bytes signed", lambda: int.from_bytes(b'\xff\xfe', 'big', signed=True))
show("from_bytes list", lambda: int.from_bytes([1, 2, 3], 'big'))
show("from_bytes empty", lambda: int.from_bytes(b'', 'big'))
show("roundtrip", lambda: int.from_bytes((123456789).to_bytes(8, 'little'), 'little'))


class P:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = 1


p = P()
show("slots", lambda: (p.a, hasattr(p, 'b'), P.__slots__))


def set_c():
    p.c = 3


show("slots err", set_c)


class Q(P):
    __slots__ = 'c'


q = Q()
q.c = 5
q.a = 2
show("slots sub", lambda: (q.a, q.c))


def set_d():
    q.d = 1


show("slots sub err", set_d)


class R(P):
    pass


r = R()
r.z = 1
show("no slots sub", lambda: r.z)

SKIP = {'__dir__', '__getstate__', '__reduce__', '__reduce_ex__', '__sizeof__', '__getnewargs__',
        '__class_getitem__', '__getformat__', '__bytes__', 'real', 'imag', 'numerator',
        'denominator', 'start', 'stop', 'step'}
for T in [object, int, bool, float, complex, str, bytes, list, tuple, dict, set, frozenset,
          range, type(None), slice]:
    print(T.__name__, [n for n in dir(T) if n not in SKIP])


class Base:
    def __init_subclass__(cls, **kw):
        print('init_subclass', cls.__name__, kw)
        super().__init_subclass__()


class Child(Base):
    pass


try:
    object.__init_subclass__(x=1)
except TypeError as e:
    print(type(e).__name__, e)
print(object.__subclasshook__(), sorted({1, 2}.__ior__({3})), list([1, 2].__reversed__()))
