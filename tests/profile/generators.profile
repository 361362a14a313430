Timer unit: 1e-06 s

Total time: * s
File: generators.py
Function: countdown at line 10

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    10                                                     @profile
    11                                                     def countdown(n):
    12        10 ******************************         0      while n > 0:
    13         8 ******************************         0          yield n
    14         7 ******************************         0          n -= 1

Total time: * s
File: generators.py
Function: chained at line 17

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    17                                                     @profile
    18                                                     def chained(n):
    19         1 ******************************         1      yield from countdown(n)
    20         1 ******************************         0      yield 0

Total time: * s
File: generators.py
Function: accumulate at line 23

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    23                                                     @profile
    24                                                     def accumulate():
    25         1 ******************************         0      total = 0
    26         4 ******************************         0      while True:
    27         4 ******************************         0          value = yield total
    28         4 ******************************         0          if value is None:
    29         1 ******************************         0              break
    30         3 ******************************         0          total += value
    31         1 ******************************         0      return total

Total time: * s
File: generators.py
Function: consume at line 34

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    34                                                     @profile
    35                                                     def consume():
    36         1 ******************************         1      seen = []
    37         5 ******************************         2      for v in chained(3):
    38         4 ******************************         0          seen.append(v)
    39         1 ******************************         3      first = next(countdown(10))
    40         1 ******************************         4      evens = sum(x for x in range(10) if x % 2 == 0)
    41         1 ******************************         1      return seen, first, evens

