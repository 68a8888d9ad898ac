"""The home dashboard (首页) and the monthly report (工作月报): figures aggregated in SQL."""
