Timer unit: 1e-06 s

Total time: * s
File: exceptions.py
Function: fails at line 18

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    18                                                     @profile
    19                                                     def fails(x):
    20         7 ******************************         0      if x > 2:
    21         3 ******************************         3          raise ValueError(x)
    22         4 ******************************         0      return x

Total time: * s
File: exceptions.py
Function: handled at line 25

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    25                                                     @profile
    26                                                     def handled(values):
    27         1 ******************************         0      good, bad = 0, 0
    28         6 ******************************         1      for v in values:
    29         5 ******************************         0          try:
    30         5 ******************************         2              fails(v)
    31         3 ******************************         0              good += 1
    32         2 ******************************         0          except ValueError:
    33         2 ******************************         0              bad += 1
    34                                                             else:
    35         3 ******************************         0              good += 0
    36                                                             finally:
    37         5 ******************************         0              good += 0
    38         1 ******************************         1      return good, bad

Total time: * s
File: exceptions.py
Function: divide at line 41

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    41                                                     @profile
    42                                                     def divide(a, b):
    43         2 ******************************         0      try:
    44         2 ******************************         2          return a / b
    45         1 ******************************         0      except ZeroDivisionError:
    46         1 ******************************         0          return None
    47                                                         finally:
    48         2 ******************************         0          a = 0

Total time: * s
File: exceptions.py
Function: with_block at line 51

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    51                                                     @profile
    52                                                     def with_block():
    53         2 ******************************         3      with Resource() as r:
    54         1 ******************************         0          x = 1
    55         1 ******************************         0      try:
    56         2 ******************************         7          with Resource():
    57         1 ******************************         1              raise KeyError("k")
    58         1 ******************************         0      except KeyError as e:
    59         1 ******************************         1          x = str(e)
    60         1 ******************************         0      return x

Total time: * s
File: exceptions.py
Function: propagate at line 63

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    63                                                     @profile
    64                                                     def propagate(n):
    65         2 ******************************         0      total = 0
    66         2 ******************************         1      total += fails(n)
    67         1 ******************************         0      return total

