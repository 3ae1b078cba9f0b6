"""What the views are given: plain frozen objects built from the Atlas by small functions.

Views (``dashboard/views``) never see the :class:`~dashboard.model.Atlas`; page layouts
and callbacks (``dashboard/pages``, the glue) call these functions and hand the result on.
"""
