# ZeroDivisionError and OverflowError messages from common numeric operations.
import math


def show(label, fn):
    try:
        print(label, "=", repr(fn()))
    except (ZeroDivisionError, OverflowError, ValueError, TypeError) as e:
        print(label, "->", type(e).__name__ + ":", e)


show("1/0", lambda: 1 / 0)
show("1//0", lambda: 1 // 0)
show("1%0", lambda: 1 % 0)
show("-5/0", lambda: -5 / 0)
show("1.0/0", lambda: 1.0 / 0)
show("1/0.0", lambda: 1 / 0.0)
show("0.0/0.0", lambda: 0.0 / 0.0)
show("1.5//0.0", lambda: 1.5 // 0.0)
show("1.5%0.0", lambda: 1.5 % 0.0)
show("divmod(7,0)", lambda: divmod(7, 0))
show("divmod(7.0,0)", lambda: divmod(7.0, 0))
show("big//0", lambda: 10 ** 40 // 0)
show("1j/0", lambda: 1j / 0)
show("(1+2j)/0j", lambda: (1 + 2j) / 0j)
show("0**-1", lambda: 0 ** -1)
show("0.0**-1", lambda: 0.0 ** -1)
show("pow(0,-2)", lambda: pow(0, -2))
show("0j**-1", lambda: 0j ** -1)
show("1/False", lambda: 1 / False)

show("math.exp(1000)", lambda: math.exp(1000))
show("2.0**10000", lambda: 2.0 ** 10000)
show("(-2.0)**10001", lambda: (-2.0) ** 10001)
show("10.0**400", lambda: 10.0 ** 400)
show("float(10**400)", lambda: float(10 ** 400))
show("10**400/1", lambda: 10 ** 400 / 1)
show("1/10**400", lambda: 1 / 10 ** 400)
show("10**400/10**399", lambda: 10 ** 400 / 10 ** 399)
show("10**400*1.0", lambda: 10 ** 400 * 1.0)
show("math.pow(10,400)", lambda: math.pow(10, 400))
show("int(inf)", lambda: int(float("inf")))
show("int(-inf)", lambda: int(float("-inf")))
show("int(nan)", lambda: int(float("nan")))
show("round(inf)", lambda: round(float("inf")))
show("round(nan)", lambda: round(float("nan")))
show("math.floor(inf)", lambda: math.floor(math.inf))
show("math.ceil(nan)", lambda: math.ceil(math.nan))
show("math.sqrt(-1)", lambda: math.sqrt(-1))
show("math.log(0)", lambda: math.log(0))
show("math.log(-1)", lambda: math.log(-1))
show("math.factorial(-1)", lambda: math.factorial(-1))
show("(-8)**(1/3)", lambda: (-8) ** (1 / 3))
show("math.exp(-1000)", lambda: math.exp(-1000))
show("inf-inf", lambda: math.inf - math.inf)
show("2**-2", lambda: 2 ** -2)
show("(-2)**-3", lambda: (-2) ** -3)

# the exception classes involved
for cls in [ZeroDivisionError, OverflowError, FloatingPointError]:
    print(cls.__name__, issubclass(cls, ArithmeticError), issubclass(cls, Exception))
