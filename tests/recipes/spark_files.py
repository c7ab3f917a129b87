"""The README's Spark recipe that needs no working directory: ship the binary with sc.addFile and
find it on each executor with SparkFiles.get, then stream the partition through it.

    spark-submit spark_files.py path/to/xinwen records.jsonl articles/
"""
import subprocess
import sys
import threading

from pyspark import SparkContext, SparkFiles

binary, records, out = sys.argv[1], sys.argv[2], sys.argv[3]
sc = SparkContext(appName="xinwen-files")
sc.addFile(binary)


def parse(lines):
    proc = subprocess.Popen([SparkFiles.get("xinwen"), "--jsonl", "--jobs", "1"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def feed():
        for line in lines:
            proc.stdin.write(line + "\n")
        proc.stdin.close()

    writer = threading.Thread(target=feed)
    writer.start()
    for article in proc.stdout:
        yield article.rstrip("\n")
    writer.join()
    if proc.wait() != 0:
        raise RuntimeError(f"xinwen exited with {proc.returncode}")


sc.textFile(records, minPartitions=4).mapPartitions(parse).saveAsTextFile(out)
