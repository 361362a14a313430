# math: exp, log (1- and 2-arg), log2, log10, pow, hypot, trig functions, degrees/radians.
import math

for x in [0, 1, -1, 0.5, 10, 700, -745, -800]:
    print("exp", x, math.exp(x))
print("exp inf", math.exp(math.inf), math.exp(-math.inf))
try:
    math.exp(1000)
except OverflowError as e:
    print(type(e).__name__, e)

for x in [1, math.e, 10, 0.5, 1e-300, 2**1000, 10**400]:
    print("log", x if x < 10**20 else "big", math.log(x))
print(math.log(8, 2), math.log(100, 10), math.log(1, 5), math.log(2, 0.5), math.log(10**100, 10))
print(math.log2(8), math.log2(1024), math.log2(3), math.log2(2**200), math.log2(0.125))
print(math.log10(1000), math.log10(0.001), math.log10(2), math.log10(10**50), math.log10(math.inf))
print(math.log1p(1e-10), math.expm1(1e-10))

print(math.pow(2, 10), math.pow(2, -1), math.pow(4, 0.5), math.pow(-8, 3), math.pow(0, 0))
print(math.pow(math.inf, 0), math.pow(1, math.nan), math.pow(-1, math.inf), math.pow(2.5, 2))

print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(0, 0), math.hypot(-3, -4), math.hypot(1e200, 1e200))
print(math.hypot(3), math.hypot(1, 2, 2), math.hypot(math.inf, math.nan))

angles = [0, 30, 45, 60, 90, 180, 270, 360, -45]
for deg in angles:
    r = math.radians(deg)
    print(deg, round(r, 12), round(math.sin(r), 12), round(math.cos(r), 12))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.cos(math.pi))
print(math.tan(math.pi / 4), math.sin(math.pi), math.cos(math.pi / 2))
print(math.asin(1), math.acos(0), math.atan(1), math.atan(math.inf))
print(math.atan2(1, 1), math.atan2(1, -1), math.atan2(-1, -1), math.atan2(0, -1), math.atan2(-0.0, -1))
print(math.atan2(0, 0), math.atan2(0.0, -0.0), math.atan2(5, 0))
print(math.degrees(math.pi), math.degrees(1), math.radians(180), math.radians(1), math.degrees(-math.tau))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.tanh(100))

# identities
for x in [0.1, 0.7, 2.0, -3.3]:
    s, c = math.sin(x), math.cos(x)
    print(x, math.isclose(s * s + c * c, 1.0), math.isclose(math.tan(x), s / c))

# compound interest using exp and log
rate, years = 0.05, 10
print("continuous", 1000 * math.exp(rate * years))
print("doubling time", math.log(2) / rate)
