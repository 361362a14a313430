# math errors: "math domain error", "math range error", TypeErrors, and how they are caught.
import math

def attempt(label, f, *args):
    try:
        result = f(*args)
        print(label, "->", result)
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(label, "->", type(e).__name__ + ":", e)

attempt("sqrt(-1)", math.sqrt, -1)
attempt("sqrt(-1e-300)", math.sqrt, -1e-300)
attempt("sqrt(-inf)", math.sqrt, -math.inf)
attempt("log(0)", math.log, 0)
attempt("log(-1)", math.log, -1)
attempt("log(0.0)", math.log, 0.0)
attempt("log(10, 1)", math.log, 10, 1)
attempt("log(10, 0)", math.log, 10, 0)
attempt("log(0, 10)", math.log, 0, 10)
attempt("log(-2**100)", math.log, -2**100)
attempt("log2(0)", math.log2, 0)
attempt("log10(-5)", math.log10, -5)
attempt("log1p(-1)", math.log1p, -1)
attempt("acos(2)", math.acos, 2)
attempt("asin(-1.5)", math.asin, -1.5)
attempt("sin(inf)", math.sin, math.inf)
attempt("cos(-inf)", math.cos, -math.inf)
attempt("tan(nan)", math.tan, math.nan)
attempt("exp(710)", math.exp, 710)
attempt("pow(10, 400)", math.pow, 10, 400)
attempt("pow(0, -1)", math.pow, 0, -1)
attempt("pow(-8, 1/3)", math.pow, -8, 1 / 3)
attempt("cosh(1000)", math.cosh, 1000)
attempt("factorial(-5)", math.factorial, -5)
attempt("fmod(1, 0)", math.fmod, 1, 0)
attempt("isqrt(-4)", math.isqrt, -4)
attempt("comb(-1, 1)", math.comb, -1, 1)
attempt("sqrt('4')", math.sqrt, "4")
attempt("sqrt(None)", math.sqrt, None)
attempt("sqrt(1j)", math.sqrt, 1j)
attempt("floor([])", math.floor, [])
attempt("log()", math.log)
attempt("hypot('a')", math.hypot, "a")
attempt("sqrt(10**400)", math.sqrt, 10**400)
attempt("exp(10**400)", math.exp, 10**400)
attempt("sqrt(True)", math.sqrt, True)
attempt("log(10**400)", math.log, 10**400)

# errors are ordinary exceptions: they can be caught by their base class
try:
    math.sqrt(-4)
except ArithmeticError:
    print("not reached: ValueError is not an ArithmeticError")
except Exception as e:
    print("caught as Exception:", repr(e))

try:
    math.exp(1000)
except ArithmeticError as e:
    print("OverflowError is an ArithmeticError:", repr(e))

# quadratic solver that reports a domain error for complex roots
def solve(a, b, c):
    disc = b * b - 4 * a * c
    try:
        root = math.sqrt(disc)
    except ValueError as e:
        return "no real roots (" + str(e) + ")"
    return ((-b - root) / (2 * a), (-b + root) / (2 * a))

print(solve(1, -3, 2))
print(solve(1, 2, 1))
print(solve(1, 0, 1))
print(solve(2, 1, -1))
