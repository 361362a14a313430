# import time: time.time() and time.perf_counter() return floats that do not go backwards.
# Values are never printed; only their types and relations are.
import time

t0 = time.time()
p0 = time.perf_counter()
print(type(t0).__name__, type(p0).__name__)
print(isinstance(t0, float), isinstance(p0, float))
print("time.time() is after 2020:", t0 > 1577836800.0)

# do some work
total = 0
for i in range(200000):
    total += i * i
print("work result", total)

t1 = time.time()
p1 = time.perf_counter()
print("time did not go backwards:", t1 >= t0)
print("perf_counter increased:", p1 > p0)
elapsed = p1 - p0
print("elapsed is a non-negative float:", type(elapsed).__name__, elapsed >= 0)
print("elapsed is small:", elapsed < 60)

# many successive readings are monotonic
readings = []
for _ in range(50):
    readings.append(time.perf_counter())
ok = True
for a, b in zip(readings, readings[1:]):
    if b < a:
        ok = False
print("perf_counter monotonic:", ok)

# timing a function the way book programs do, without printing the figure
def timed(f, *args):
    start = time.perf_counter()
    result = f(*args)
    stop = time.perf_counter()
    return result, stop - start

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

result, seconds = timed(fib, 1000)
print("fib(1000) has", len(str(result)), "digits; timing is float:", isinstance(seconds, float))

from time import perf_counter, time as now
print(perf_counter() >= p1, now() >= t0)
print(type(time).__name__, time.__name__)
