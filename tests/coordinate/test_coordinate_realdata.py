"""Validation on real cases, written down before running (docs/methods/coordinate.md, same text).

1. 京津冀 chain (003 §3.4).
   E1a. 北京's role is ``source`` (creation axis above its threshold, absorption axis below it).
   E1b. 北京 ranks in the top 3 of the 31 provinces on the knowledge-creation axis.
   E1c. 天津 has a higher knowledge-creation score than 河北, and 河北 a higher absorption/production score than 天津.
   E1d. In the overall pairing, both 天津 and 河北 are among 北京's top 5 carriers.
   E1e. 河北's role is ``carrier`` or ``both``.
2. 东数西算 (001 §1.2, §2.1). For the computing industry (``industry="算力"``), for each source region of 京津冀
   (北京), 长三角 (上海, 江苏, 浙江), 粤港澳 (广东) and 成渝 (四川, 重庆) that has the role ``source`` or ``both``,
   at least one of 贵州, 内蒙古, 甘肃, 宁夏 is among its top 5 carriers. Companion: at least 3 of the 4 hubs are
   above the median on the energy endowment.
3. Technology-contract outflow. The 5 regions with the largest technology-contract turnover by seller region
   (and, separately, the 5 with the largest net outflow) all have the role ``source`` or ``both``.

Where the data disagree, the test is marked ``xfail`` with the disagreement written in the docs, never made to
pass by tuning weights.
"""
