# The module prologue is at line 0 ending on line 1; an eval expression returns at its own position.
for src in ['x=1\n', '\n\nx=1\n', '', '"""doc"""\nx=1', 'import os\n']:
    print(repr(src), list(compile(src,'m','exec').co_positions()))
print(list(compile('1+2','m','eval').co_positions()))
