# An error inside a list comprehension and a lambda: the frames are <listcomp> and <lambda>.
scale = lambda x, d: x * 100 // d

divisors = [5, 4, 2, 1]
print([scale(10, d) for d in divisors])
divisors.append(0)
print("divisors now", divisors)
print([scale(10, d) for d in divisors])
