# sys.exit(0) and sys.exit(None) end the program with status 0 and print nothing on stderr.
import sys

for i in range(10):
    print("iteration", i)
    if i == 3:
        print("stopping early")
        sys.exit(None if i % 2 else 0)
print("never printed")
