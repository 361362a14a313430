# raise ... from, type(name, bases, dict), class vs instance attributes, isinstance/issubclass.
class MyErr(Exception):
    pass
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise MyErr("wrapped") from e
try:
    f()
except MyErr as e:
    print(type(e.__cause__).__name__, e.__suppress_context__)
try:
    try:
        {}['x']
    except KeyError:
        raise ValueError('v') from None
except ValueError as e:
    print(e.__cause__, e.__context__ is not None, e.__suppress_context__)
class Meta(type):
    pass
T = type('T', (int,), {'double': lambda self: self * 2})
print(T(4).double(), T.__name__, T.__mro__[1].__name__)
try:
    type('X', 1, {})
except TypeError as e:
    print(type(e).__name__, e)
class A:
    cls_attr = []
    def __init__(self): self.inst = 1
a1, a2 = A(), A()
a1.cls_attr.append(1)
a1.cls_attr = 'own'
print(a1.cls_attr, a2.cls_attr, A.cls_attr, a1.__class__ is A, vars(a1))
print(isinstance(True, (int,)), issubclass(A, object), issubclass(A, (int, A)))
try:
    issubclass(A(), A)
except TypeError as e:
    print(e)
try:
    isinstance(1, (int, 1))
except TypeError as e:
    print(e)
print(isinstance(1, (str, (list, (int,)))))
f()
