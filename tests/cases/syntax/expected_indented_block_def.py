# A def whose body is missing, followed by more code.
def helper(n):

result = 3
print(result)
