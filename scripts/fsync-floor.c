// The floor under "record one answer durably": append 250 bytes and fdatasync, 1,000 times.
// Build and run: gcc -O2 scripts/fsync-floor.c -o /tmp/fsync-floor && /tmp/fsync-floor DIR/x.log
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <time.h>
#include <stdlib.h>
int cmp(const void*a,const void*b){double x=*(double*)a,y=*(double*)b;return x<y?-1:x>y;}
int main(int c,char**v){int fd=open(v[1],O_WRONLY|O_CREAT|O_APPEND,0644);char buf[250];for(int i=0;i<250;i++)buf[i]='x';buf[249]='\n';double t[1000];
for(int i=0;i<1000;i++){struct timespec a,b;clock_gettime(CLOCK_MONOTONIC,&a);write(fd,buf,250);fdatasync(fd);clock_gettime(CLOCK_MONOTONIC,&b);t[i]=(b.tv_sec-a.tv_sec)*1e3+(b.tv_nsec-a.tv_nsec)/1e6;}
qsort(t,1000,sizeof(double),cmp);printf("C fdatasync append: median %.3f ms p95 %.3f\n",t[500],t[950]);}
