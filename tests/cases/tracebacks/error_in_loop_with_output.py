# stdout must be complete up to the error: many lines are printed before the failure.
import math

for i in range(30, -1, -1):
    print(i, math.sqrt(i), math.log(i))
