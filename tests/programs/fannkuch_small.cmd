programs/fannkuch.py 6
