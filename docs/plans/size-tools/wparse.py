import sys
def leb(b,i):
    r=0;s=0
    while True:
        x=b[i];i+=1;r|=(x&0x7f)<<s;s+=7
        if x<0x80:return r,i
def parse(path):
    b=open(path,'rb').read();i=8;secs=[];nimp=0;bodies=[];names={};data=[]
    while i<len(b):
        sid=b[i];i+=1;sz,i=leb(b,i);st=i;end=i+sz
        if sid==0:
            nl,j=leb(b,i);nm=b[j:j+nl].decode();j+=nl;secs.append(('custom:'+nm,sz))
            if nm=='name':
                while j<end:
                    sub=b[j];j+=1;ssz,j=leb(b,j);se=j+ssz
                    if sub==1:
                        cnt,k=leb(b,j)
                        for _ in range(cnt):
                            idx,k=leb(b,k);l,k=leb(b,k);names[idx]=b[k:k+l].decode('utf8','replace');k+=l
                    j=se
        else:
            secs.append((sid,sz))
            if sid==2:
                cnt,j=leb(b,i)
                for _ in range(cnt):
                    l,j=leb(b,j);j+=l;l,j=leb(b,j);j+=l;kind=b[j];j+=1
                    if kind==0: _,j=leb(b,j);nimp+=1
                    elif kind==1: j+=1;fl,j=leb(b,j);_,j=leb(b,j);
                    elif kind==2: fl,j=leb(b,j);_,j=leb(b,j);(fl&1) and leb(b,j)
                    elif kind==3: j+=2
                    # approximate; tables/memories with max handled crudely
            if sid==10:
                cnt,j=leb(b,i)
                for _ in range(cnt):
                    l,j=leb(b,j);bodies.append((j,l));j+=l
            if sid==11:
                cnt,j=leb(b,i)
                for _ in range(cnt):
                    fl,j=leb(b,j)
                    if fl==0:
                        # const expr until 0x0b
                        while b[j]!=0x0b: j+=1
                        j+=1
                    elif fl==2:
                        _,j=leb(b,j)
                        while b[j]!=0x0b: j+=1
                        j+=1
                    l,j=leb(b,j);data.append((j,l));j+=l
        i=end
    return b,secs,nimp,bodies,names,data
if __name__=='__main__':
    b,secs,nimp,bodies,names,data=parse(sys.argv[1])
    print(len(b),secs,'imports',nimp,'funcs',len(bodies),'named',len(names),'data segs',[(l) for _,l in data][:20])
