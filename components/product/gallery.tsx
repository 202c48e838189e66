/* eslint-disable @next/next/no-img-element -- local SVG illustrations; next/image adds nothing for vectors */
export function Gallery({ images, alt }: { images: string[]; alt: (n: number) => string }) {
  const [first, ...rest] = images;
  return (
    <div className="space-y-3">
      <div className="card aspect-square overflow-hidden bg-brand-50">
        {first && <img src={first} alt={alt(1)} className="h-full w-full object-cover" fetchPriority="high" />}
      </div>
      {rest.length > 0 && (
        <ul className="grid grid-cols-4 gap-2">
          {rest.map((src, i) => (
            <li key={src} className="card aspect-square overflow-hidden bg-brand-50">
              <img src={src} alt={alt(i + 2)} className="h-full w-full object-cover" loading="lazy" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
