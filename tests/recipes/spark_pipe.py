"""The README's Spark recipe: pipe each partition's records through the xinwen binary that
`spark-submit --files xinwen` shipped into the executors' working directory.

    spark-submit --files xinwen spark_pipe.py records.jsonl articles/
"""
import sys

from pyspark import SparkContext

records, out = sys.argv[1], sys.argv[2]
sc = SparkContext(appName="xinwen-pipe")
sc.textFile(records, minPartitions=4).pipe("./xinwen --jsonl --jobs 1").saveAsTextFile(out)
