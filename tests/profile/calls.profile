Timer unit: 1e-06 s

Total time: * s
File: calls.py
Function: fib at line 10

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    10                                                     @profile
    11                                                     def fib(n):
    12        67 ******************************         0      if n < 2:
    13        34 ******************************         0          return n
    14        33 ******************************         0      return fib(n - 1) + fib(n - 2)

Total time: * s
File: calls.py
Function: helper at line 17

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    17                                                     @profile
    18                                                     def helper(x):
    19        10 ******************************         0      return x * 3

Total time: * s
File: calls.py
Function: outer at line 22

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    22                                                     @profile
    23                                                     def outer(n):
    24         1 ******************************         0      acc = 0
    25         6 ******************************         2      for i in range(n):
    26         5 ******************************         0          acc += helper(i)
    27         1 ******************************         1      scale = lambda v: v + 1
    28         1 ******************************         0      acc = scale(acc)
    29         2 ******************************         0      acc += max(helper(1),
    30         1 ******************************         0                 helper(2),
    31         1 ******************************         1                 key=lambda v: -v)
    32         1 ******************************         0      return acc

Total time: * s
File: calls.py
Function: Counter.bump at line 39

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    39                                                         @profile
    40                                                         def bump(self, by=1):
    41         8 ******************************         0          self.count += by
    42         8 ******************************         0          return self

Total time: * s
File: calls.py
Function: Counter.total at line 44

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    44                                                         @profile
    45                                                         def total(self):
    46         1 ******************************         0          return self.count

Total time: * s
File: calls.py
Function: make_adder at line 49

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    49                                                     @profile
    50                                                     def make_adder(k):
    51         1 ******************************         2      def add(x):
    52                                                             return x + k
    53         1 ******************************         0      return add

Total time: * s
File: calls.py
Function: never_called at line 56

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    56                                                     @profile
    57                                                     def never_called():
    58                                                         return 0

Total time: * s
File: calls.py
Function: Shapes.double at line 76

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    76                                                         @profile
    77                                                         @staticmethod
    78                                                         def double(x):
    79         1 ******************************         0          y = x * 2
    80         1 ******************************         0          return y

Total time: * s
File: calls.py
Function: Shapes.named at line 82

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    82                                                         @profile
    83                                                         @classmethod
    84                                                         def named(cls, x):
    85         1 ******************************         3          return cls.__name__ + str(x)

Total time: * s
File: calls.py
Function: Shapes.area at line 87

Line #      Hits         Time  Per Hit   % Time    Allocs  Line Contents
========================================================================
    87                                                         @profile
    88                                                         @property
    89                                                         def area(self):
    90         1 ******************************         0          return 12

