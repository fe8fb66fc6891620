# Build the app's image ghcr.io/example/hello:0.1.0; run it in your app's own folder, the one with its Dockerfile. Give every build a new tag: a pushed tag should never change
docker build -t ghcr.io/example/hello:0.1.0 .

# Push it to the registry the cluster pulls from
docker push ghcr.io/example/hello:0.1.0

# Create the namespace hello that every other object lives in
kubectl apply -f namespace.yaml

# NetworkPolicy hello: the app's pods get only the traffic they need; enforced only by a network plugin that supports it (Calico, Cilium), ignored elsewhere
kubectl apply -n hello -f networkpolicy.yaml

# ServiceAccount hello: who the app's pods and Jobs run as, with no Kubernetes API token mounted
kubectl apply -n hello -f serviceaccount.yaml

# ConfigMap hello-env: the app's plain environment variables
kubectl apply -n hello -f configmap.yaml

# Secret hello-env-secret: the secret environment variables, applied from the file so no value lands in your shell history
kubectl apply -n hello -f secret.yaml

# Secret hello-db-credentials: the database password, read by the database itself; applied from the file, never typed on a command line
kubectl apply -n hello -f database-secret.yaml

# Install the CloudNativePG operator (once per cluster; skip if it is there): it turns Cluster objects into running PostgreSQL
helm upgrade --install cnpg cloudnative-pg --repo https://cloudnative-pg.github.io/charts --namespace cnpg-system --create-namespace --wait

# Cluster hello-db: PostgreSQL run by the operator, with the database and user from the Secret
kubectl apply -n hello -f database-cluster.yaml

# Wait until PostgreSQL accepts connections at hello-db-rw
kubectl wait -n hello --for=condition=Ready clusters.postgresql.cnpg.io/hello-db --timeout=10m

# Job hello-migrate-0: runs once, before the new code starts. `create`, not `apply`: a finished Job keeps its name, so bump the run number for the next run
kubectl create -n hello -f job-migrate.yaml

# Wait for Job hello-migrate-0 to succeed; if it fails this only times out: follow it with `kubectl logs -n hello -f job/hello-migrate-0` meanwhile: with restartPolicy OnFailure the pod is deleted once the retries run out (Never keeps failed pods and their logs)
kubectl wait -n hello --for=condition=complete job/hello-migrate-0 --timeout=10m

# Deployment hello: runs the app's pods and replaces them step by step on every change
kubectl apply -n hello -f deployment.yaml

# Service hello: one stable address in front of the ready pods
kubectl apply -n hello -f service.yaml

# Service hello-headless: headless, so its DNS name lists every pod's IP and the pods can find each other
kubectl apply -n hello -f service-headless.yaml

# HorizontalPodAutoscaler hello: keeps 2-8 pods, adding them when the pods' CPU use is above its target (needs metrics-server; `kubectl get hpa` shows its view)
kubectl apply -n hello -f hpa.yaml

# PodDisruptionBudget hello: a node drain or cluster upgrade waits rather than take down more of the app's pods than it allows
kubectl apply -n hello -f pdb.yaml

# Check the ingress controller for class nginx is installed (NotFound: install one, e.g. Traefik or an NGINX controller, and use its class)
kubectl get ingressclass nginx

# Check cert-manager is installed (NotFound: `helm upgrade --install cert-manager oci://quay.io/jetstack/charts/cert-manager --namespace cert-manager --create-namespace --set crds.enabled=true --wait`)
kubectl get crd certificates.cert-manager.io

# ClusterIssuer letsencrypt-prod: Let's Encrypt production, proving each host over HTTP-01 through the ingress controller
kubectl apply -f clusterissuer.yaml

# Ingress hello: the host names and paths, sent to the Service hello
kubectl apply -n hello -f ingress.yaml

# Wait until the controller gives the Ingress an address (--for=jsonpath without a value needs kubectl 1.31 or newer); point the hosts' DNS at it
kubectl wait -n hello '--for=jsonpath={.status.loadBalancer.ingress}' ingress/hello --timeout=5m

# Wait until cert-manager has made the Certificate hello-tls from the annotation (--for=create needs kubectl 1.31 or newer)
kubectl wait -n hello --for=create certificate/hello-tls --timeout=2m

# Wait until cert-manager has the certificate in Secret hello-tls (Let's Encrypt reaches the host over HTTP first, so its DNS must point at the address; if this times out, `kubectl describe -n hello certificate/hello-tls` says why)
kubectl wait -n hello --for=condition=Ready certificate/hello-tls --timeout=10m

# Wait until the rollout is done and the new pods are ready
kubectl rollout status -n hello deployment/hello

# Ask the app at its host name (once DNS points at the Ingress's address)
curl -i https://hello.example.com/
