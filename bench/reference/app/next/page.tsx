export default function NextPage() {
  return <p>The page the reference page links to.</p>;
}
