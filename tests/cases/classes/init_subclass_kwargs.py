# Class keywords reach __init_subclass__; dir() of instances; int/float numeric attributes.
class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class C(Base, tag='x'):
    pass
print(C.tag)
class D:
    def __init__(self): self.a = 1
    def m(self): pass
print([n for n in dir(D()) if not n.startswith('__') or n in ('__class__', '__dict__', '__module__', '__weakref__', '__doc__')])
print(sorted(set(dir(D())) - set(dir(object))))
print((5).real, (5).imag, (5).numerator, (5).denominator, (2.5).real, True.real)
print(int.__dict__['__add__'] is int.__add__, 'bit_length' in int.__dict__)
try:
    class C(x=1): pass
except TypeError as e:
    print(e)
