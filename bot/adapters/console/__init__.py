"""The console adapter: a terminal that behaves like one Discord channel.

``loop`` reads lines, ``dispatch`` turns a line into a flow call, ``present`` turns a reply into text and keeps
the numbered choices of the last reply.
"""
